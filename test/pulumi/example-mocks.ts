import * as pulumi from '@pulumi/pulumi';

/**
 * Pulumi's mocks and a stack configuration for the example program, set up when this module is
 * imported: import it before the program (program.test.ts), which runs when it is imported.
 */
export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

export const PROJECT = 'gh-interactions-example';
export const registered: Registered[] = [];

pulumi.runtime.setAllConfig({
  [`${PROJECT}:organization`]: 'acme',
  [`${PROJECT}:repositories`]: JSON.stringify(['website', 'api']),
  [`${PROJECT}:maxOpenPullRequests`]: '5',
  [`${PROJECT}:bypassLists`]: JSON.stringify({ api: ['hubot'] }),
});

pulumi.runtime.setMocks(
  {
    newResource(args) {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      // What the provider would answer: the computed outputs next to the inputs.
      const outputs: Record<string, unknown> = { ...args.inputs };
      if (args.type.endsWith(':PrBypassList')) outputs.canonicalUsers = args.inputs.users;
      if (args.type.endsWith(':InteractionLimit')) outputs.expiresAt = '2026-12-01T00:00:00Z';
      return { id: `${args.name}-id`, state: outputs };
    },
    call: (args) => args.inputs,
  },
  PROJECT,
  'dev',
  false,
);
