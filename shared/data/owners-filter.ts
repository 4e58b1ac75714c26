/**
 * A page read narrowed to some owners (a team's records, a search's sight) by the Query's own
 * filter: `ownerId IN (…)`, adding its names and values (`:<placeholder>N`), in groups of 100,
 * DynamoDB's most per IN.
 */
export function ownersFilter(owners: readonly string[], names: Record<string, string>, values: Record<string, unknown>, placeholder = 'owner'): string {
  names['#ownerId'] = 'ownerId';
  owners.forEach((owner, i) => (values[`:${placeholder}${i}`] = owner));
  const groups: string[] = [];
  for (let start = 0; start < owners.length; start += 100) {
    groups.push(`#ownerId IN (${owners.slice(start, start + 100).map((_, i) => `:${placeholder}${start + i}`).join(', ')})`);
  }
  return groups.length === 1 ? groups[0]! : `(${groups.join(' OR ')})`;
}
