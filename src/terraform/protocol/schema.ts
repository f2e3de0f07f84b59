import type { CtyType } from './cty-type';
import { cty } from './cty-type';
import { decodeCtyType } from './cty-type';
import type { SchemaAttribute, SchemaBlock, SchemaObject } from './messages';

/**
 * The cty type of the values Terraform sends for a schema block (config, state, plan), as
 * Terraform derives it (internal/configs/configschema/implied_type.go): an object with one
 * attribute per attribute and per nested block type.
 */
export function impliedType(block: SchemaBlock): CtyType {
  const attributes: Record<string, CtyType> = {};
  for (const attribute of block.attributes ?? []) {
    attributes[attribute.name] = attributeType(attribute);
  }
  for (const nested of block.block_types ?? []) {
    const element = impliedType(nested.block);
    switch (nested.nesting) {
      case 'SINGLE':
      case 'GROUP':
        attributes[nested.type_name] = element;
        break;
      case 'LIST':
        // Terraform falls back to a tuple (typed dynamically) when the block holds dynamic types.
        attributes[nested.type_name] = hasDynamicTypes(element) ? cty.dynamic : cty.list(element);
        break;
      case 'MAP':
        attributes[nested.type_name] = hasDynamicTypes(element) ? cty.dynamic : cty.map(element);
        break;
      case 'SET':
        attributes[nested.type_name] = cty.set(element);
        break;
      default:
        throw new TypeError(
          `Nested block ${JSON.stringify(nested.type_name)} has nesting ${JSON.stringify(nested.nesting)}; expected SINGLE, GROUP, LIST, SET or MAP`,
        );
    }
  }
  return cty.object(attributes);
}

function attributeType(attribute: SchemaAttribute): CtyType {
  if (attribute.nested_type) return nestedObjectType(attribute.nested_type);
  if (!attribute.type || attribute.type.length === 0) {
    throw new TypeError(
      `Attribute ${JSON.stringify(attribute.name)} has neither a type nor a nested_type`,
    );
  }
  return decodeCtyType(attribute.type);
}

function nestedObjectType(object: SchemaObject): CtyType {
  const element = cty.object(
    Object.fromEntries(object.attributes.map((a) => [a.name, attributeType(a)])),
  );
  switch (object.nesting) {
    case 'SINGLE':
      return element;
    case 'LIST':
      return cty.list(element);
    case 'SET':
      return cty.set(element);
    case 'MAP':
      return cty.map(element);
    default:
      throw new TypeError(
        `Nested attribute type has nesting ${JSON.stringify(object.nesting)}; expected SINGLE, LIST, SET or MAP`,
      );
  }
}

function hasDynamicTypes(type: CtyType): boolean {
  if (type === 'dynamic') return true;
  if (typeof type === 'string') return false;
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return hasDynamicTypes(type.element);
    case 'tuple':
      return type.elements.some(hasDynamicTypes);
    case 'object':
      return Object.values(type.attributes).some(hasDynamicTypes);
  }
}
