import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRITERIA, MANUAL_REVIEW } from '@/lib/accessibility/criteria';

const root = join(__dirname, '..', '..');

describe('the accessibility statement claims nothing it cannot point to', () => {
  it('lists the 47 success criteria the law requires, each once', () => {
    const ids = CRITERIA.map((criterion) => criterion.id);
    expect(new Set(ids).size).toBe(47);
    expect(ids).not.toEqual(expect.arrayContaining(['1.2.3', '1.2.4', '1.2.5']));
  });

  it('gives every "met" criterion an automated test or a section of the recorded manual review', () => {
    const unsupported = CRITERIA.filter((criterion) => criterion.status === 'meets' && criterion.evidence.length === 0);
    expect(unsupported.map((criterion) => criterion.id)).toEqual([]);
  });

  it('points only to tests and review sections that exist', () => {
    const missing: string[] = [];
    for (const criterion of CRITERIA) {
      for (const evidence of criterion.evidence) {
        if ('test' in evidence) {
          const file = join(root, evidence.test);
          if (!existsSync(file) || !readFileSync(file, 'utf8').includes(evidence.name)) {
            missing.push(`${criterion.id}: ${evidence.test} "${evidence.name}"`);
          }
        } else {
          const [file, section] = evidence.review.split('#');
          const path = join(root, file ?? '');
          if (!existsSync(path) || !readFileSync(path, 'utf8').includes(`id="${section}"`)) {
            missing.push(`${criterion.id}: ${evidence.review}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('explains every criterion it does not meet, did not test, or finds not applicable', () => {
    const unexplained = CRITERIA.filter(
      (criterion) => criterion.status !== 'meets' && criterion.status !== 'not-tested' && !criterion.note,
    );
    expect(unexplained.map((criterion) => criterion.id)).toEqual([]);
    expect(existsSync(join(root, MANUAL_REVIEW))).toBe(true);
  });
});
