import { ATTRIBUTE_PREFIX, FIELD_ALIASES, FIELDS } from "./query/fields";

export type SearchFieldsDto = {
  fields: { name: string; kind: string; description: string }[];
  aliases: Record<string, string>;
  /** `attributes.<path>` reaches into the original record */
  attributePrefix: string;
};

/** What the query language knows, for the UI's help and autocomplete. Client-safe. */
export function fieldCatalog(): SearchFieldsDto {
  return {
    fields: Object.entries(FIELDS).map(([name, f]) => ({ name, kind: f.kind, description: f.description })),
    aliases: { ...FIELD_ALIASES },
    attributePrefix: ATTRIBUTE_PREFIX,
  };
}
