// ID-porten's assurance levels, lowest first: a login satisfies a requirement at its own level or below;
// a level this list does not know satisfies nothing.
import { ACR_LEVELS, type AcrLevel } from '@/lib/config';

export type { AcrLevel };

// ACR_LEVELS is listed lowest first.
const levelOrder: readonly string[] = ACR_LEVELS;

export function meetsAssurance(actual: string, required: AcrLevel): boolean {
  const actualRank = levelOrder.indexOf(actual);
  return actualRank >= 0 && actualRank >= levelOrder.indexOf(required);
}
