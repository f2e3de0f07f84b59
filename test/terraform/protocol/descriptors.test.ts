import { join } from 'node:path';
import descriptors from '../../../src/terraform/protocol/generated/descriptors.json';
import { buildDescriptors } from '../../../src/terraform/protocol/generated/regenerate';
import { protocolDefinitions } from '../../../src/terraform/protocol';

describe('precompiled protocol descriptors', () => {
  it('match the .proto files (regenerate with generated/regenerate.ts when this fails)', () => {
    const fresh = buildDescriptors(join(__dirname, '../../../src/terraform/protocol/proto'));
    expect(fresh).toEqual(descriptors);
  });

  it('define the services Terraform and go-plugin call, with their wire paths', () => {
    const definitions = protocolDefinitions();
    expect(definitions.controller.Shutdown?.path).toBe('/plugin.GRPCController/Shutdown');
    expect(definitions.stdio.StreamStdio?.path).toBe('/plugin.GRPCStdio/StreamStdio');
    expect(definitions.broker.StartStream?.path).toBe('/plugin.GRPCBroker/StartStream');
    expect(definitions.health.Check?.path).toBe('/grpc.health.v1.Health/Check');
    expect(definitions.provider.PlanResourceChange?.path).toBe(
      '/tfplugin6.Provider/PlanResourceChange',
    );
    expect(Object.keys(definitions.provider)).toHaveLength(36);
  });

  it('encode with the field numbers of Terraform 6.10 (spot checks)', () => {
    const provider = protocolDefinitions().provider;
    // Diagnostic{severity=1, summary=2} inside ValidateProviderConfig.Response.diagnostics=2.
    const bytes = provider.ValidateProviderConfig!.responseSerialize({
      diagnostics: [{ severity: 'ERROR', summary: 'x' }],
    });
    expect([...bytes]).toEqual([0x12, 0x05, 0x08, 0x01, 0x12, 0x01, 0x78]);
    // AttributePath.Step oneof: element_key_int = 3.
    const plan = provider.PlanResourceChange!.responseSerialize({
      requires_replace: [{ steps: [{ element_key_int: 2 }] }],
    });
    expect([...plan]).toEqual([0x12, 0x04, 0x0a, 0x02, 0x18, 0x02]);
  });
});
