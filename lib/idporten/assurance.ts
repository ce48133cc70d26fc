// ID-porten's assurance levels, lowest first: a login satisfies a requirement at its own level or below;
// a level this list does not know satisfies nothing.
import type { AcrLevel } from '@/lib/config';

const levelOrder: readonly AcrLevel[] = ['idporten-loa-substantial', 'idporten-loa-high'];

export function meetsAssurance(actual: string, required: AcrLevel): boolean {
  const actualRank = levelOrder.indexOf(actual as AcrLevel);
  return actualRank >= 0 && actualRank >= levelOrder.indexOf(required);
}
