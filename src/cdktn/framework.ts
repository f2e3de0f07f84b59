/**
 * The framework of the cdktn build: the same names as src/cdktf/framework.ts, from CDK Terrain
 * (`cdktn`, the community continuation of cdktf). The modules in ./generated/ are src/cdktf's,
 * copied by `node src/cdktn/generate.js` with their framework import pointed here.
 */
export {
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Token,
  booleanToHclTerraform,
  booleanToTerraform,
  listMapper,
  listMapperHcl,
  numberToHclTerraform,
  numberToTerraform,
  stringToHclTerraform,
  stringToTerraform,
} from 'cdktn';
export type {
  IResolvable,
  ISynthesisSession,
  IStackSynthesizer,
  ITerraformDependable,
  TerraformResourceLifecycle,
} from 'cdktn';

/** The framework's package name, for messages and the generator's check. */
export const FRAMEWORK = 'cdktn';
