import { families, globalIndexes, ttlAttribute, type FamilyDeclaration, type Projection } from '../../../shared/data/table-schema';

export const begin = '<!-- key formats: generated from shared/data/table-schema.ts, checked by tests/unit/data/data-model-doc.test.ts -->';
export const end = '<!-- end of key formats -->';

const code = (text: string) => `\`${text}\``;
const projectionText = (projection: Projection) => (projection.type === 'INCLUDE' ? `the keys and ${projection.attributes.map(code).join(', ')}` : projection.type === 'ALL' ? 'whole items' : 'the keys only');

/** The section of docs/data-model.md that states the schema module's declarations, as it must read. */
export function keyFormatsSection(): string {
  const rows = (Object.entries(families) as [string, FamilyDeclaration][]).map(([name, family]) => {
    const projected = globalIndexes
      .filter((index) => family.indexes?.[index.name])
      .map((index) => `${index.name}: ${code(family.indexes![index.name]!.pk)} / ${code(family.indexes![index.name]!.sk)}`)
      .join('<br>');
    return `| ${code(name)} | ${family.entity ? code(family.entity) : ''} | ${code(family.pk)} | ${code(family.sk)} | ${projected} | ${family.expires ? code(ttlAttribute) : ''} |`;
  });
  return [
    begin,
    '',
    `Indexes: ${globalIndexes.map((index) => `**${index.name}** (${code(index.partitionKey)}, ${code(index.sortKey)}; in DynamoDB ${code(index.indexName)}, projecting ${projectionText(index.projection)})`).join(', ')}; TTL attribute ${code(ttlAttribute)}.`,
    '',
    '| family | entity | pk | sk | indexes (pk / sk) | TTL |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    end,
  ].join('\n');
}
