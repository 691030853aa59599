export const ROLES = ['admin', 'technician', 'sales'] as const;
export type Role = (typeof ROLES)[number];
