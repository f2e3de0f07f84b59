import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type * as Protobuf from 'protobufjs';

/**
 * Regenerates descriptors.json from ../proto/*.proto. The provider loads the protocol from that
 * JSON, not from the .proto files: it skips parsing at every provider start (Terraform starts the
 * provider several times per command), and tsc copies an imported JSON file into dist/ where
 * .proto files would need an extra build step.
 *
 * Run from the repository root after editing a .proto file:
 *   npm run build && node dist/terraform/protocol/generated/regenerate.js
 * test/terraform/protocol/descriptors.test.ts fails while the JSON is stale.
 */

export const PROTO_FILES = [
  'tfplugin6.proto',
  'grpc_controller.proto',
  'grpc_stdio.proto',
  'grpc_broker.proto',
  'grpc_health.proto',
] as const;

export const GENERATED_HEADER =
  'Generated from src/terraform/protocol/proto/*.proto by src/terraform/protocol/generated/regenerate.ts. Do not edit.';

/** The descriptor JSON (protobufjs's INamespace form) of the protocol's .proto files. */
export function buildDescriptors(protoDirectory: string): Record<string, unknown> {
  // protobufjs comes with @grpc/proto-loader (which this JSON is made for); load that copy.
  const protobuf = createRequire(require.resolve('@grpc/proto-loader'))(
    'protobufjs',
  ) as typeof Protobuf;
  const root = new protobuf.Root();
  root.loadSync(
    PROTO_FILES.map((file) => join(protoDirectory, file)),
    { keepCase: true },
  );
  root.resolveAll();
  return { '//': GENERATED_HEADER, ...root.toJSON() };
}

async function main(): Promise<void> {
  const sourceDirectory = resolve('src/terraform/protocol');
  const json = JSON.stringify(buildDescriptors(join(sourceDirectory, 'proto')));
  const prettier = await import('prettier');
  const target = join(sourceDirectory, 'generated', 'descriptors.json');
  const options = (await prettier.resolveConfig(target)) ?? {};
  writeFileSync(target, await prettier.format(json, { ...options, filepath: target }));
  process.stdout.write(`wrote ${target}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
