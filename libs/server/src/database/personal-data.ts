import { personalDataTables } from '../privacy/registry';

export { HoldsPersonalData } from '../privacy/registry';

/** The policy that governs new records of an entity (its first declared policy). */
export function personalDataOf(entity: { name: string }): { policy: string } {
  const declaration = personalDataTables().find((candidate) => candidate.entity === entity.name);
  if (!declaration || !declaration.policies.length) throw new Error(`${entity.name} does not declare its personal data`);
  return { policy: declaration.policies[0] };
}
