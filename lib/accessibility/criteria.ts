// The accessibility statement's table: the 47 success criteria of WCAG 2.1 (A and AA) that Norwegian law requires
// of public-sector websites (all of them except 1.2.3, 1.2.4 and 1.2.5), each with its status on this site and
// what supports it. "meets" needs evidence in this repository: an automated test (file and test name) or a
// section of the recorded manual review. tests/unit/accessibility-criteria.test.ts checks that each one exists.
// Readers see the evidence in words (evidenceInWords: "checked automatically on …", "checked by hand on …"),
// never the file names; a breach carries Uutilsynet's two answers, why (`note`) and when it is fixed (`fix`).

import { OPERABLE } from './criteria/operable';
import { PERCEIVABLE } from './criteria/perceivable';
import type { CriterionStatus } from './criteria/evidence';
import { UNDERSTANDABLE_ROBUST } from './criteria/understandable-robust';

export {
  MANUAL_REVIEW,
  MANUAL_REVIEW_DATE,
  NOT_TESTED_BY,
  evidenceInWords,
  evidenceListInWords,
  type Criterion,
  type CriterionStatus,
  type Evidence,
  type EvidenceInWords,
} from './criteria/evidence';

export const CRITERIA = [...PERCEIVABLE, ...OPERABLE, ...UNDERSTANDABLE_ROBUST];

/** How many requirements the site breaches, meets, and has not tested, for the statement's summary. */
export function criteriaSummary() {
  const count = (status: CriterionStatus) => CRITERIA.filter((criterion) => criterion.status === status).length;
  return {
    total: CRITERIA.length,
    breach: count('breach'),
    meets: count('meets'),
    notTested: count('not-tested'),
    notApplicable: count('not-applicable'),
  };
}
