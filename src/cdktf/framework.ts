/**
 * The one module of this folder that names its framework. Everything else in `src/cdktf/` imports
 * the framework from here, so the same source builds twice: as it is against `cdktf`
 * (`gh-interactions/cdktf`), and copied to `src/cdktn/generated/` against `cdktn`
 * (`gh-interactions/cdktn`) by `node src/cdktn/generate.js`, which points these imports at
 * `src/cdktn/framework.ts`. A construct is bound to the framework it extends (`instanceof`
 * checks, the stack it finds), so constructs built for cdktf do not work in a cdktn app.
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
} from 'cdktf';
export type {
  IResolvable,
  ISynthesisSession,
  IStackSynthesizer,
  ITerraformDependable,
  TerraformResourceLifecycle,
} from 'cdktf';

/** The framework's package name, for messages and the generator's check. */
export const FRAMEWORK = 'cdktf';
