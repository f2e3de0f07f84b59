/**
 * The module of the resources' type tokens: `pulumi-nodejs:dynamic/gh-interactions:InteractionLimit`.
 * Part of every URN, so changing it would replace every resource of every stack.
 */
export const RESOURCE_MODULE = 'gh-interactions';
