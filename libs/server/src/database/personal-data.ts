/**
 * Privdesk's own rule: an entity that holds personal data declares it here — which policy
 * governs it and which of its columns are personal — and retention, export and erasure read
 * these declarations instead of keeping lists of their own.
 */
export interface PersonalDataDeclaration {
  /** The entity's class name. */
  entity: string;
  /** The policy (purpose code) whose rule computes `retainUntil`. */
  policy: string;
  /** Property names holding personal data (never logged, scrubbed on anonymisation). */
  personalFields: readonly string[];
}

const declarations = new Map<string, PersonalDataDeclaration>();

export function HoldsPersonalData(declaration: Omit<PersonalDataDeclaration, 'entity'>): ClassDecorator {
  return (target) => {
    declarations.set(target.name, { entity: target.name, ...declaration });
  };
}

export function personalDataDeclarations(): PersonalDataDeclaration[] {
  return [...declarations.values()];
}

export function personalDataOf(entity: { name: string }): PersonalDataDeclaration {
  const declaration = declarations.get(entity.name);
  if (!declaration) throw new Error(`${entity.name} does not declare its personal data`);
  return declaration;
}
