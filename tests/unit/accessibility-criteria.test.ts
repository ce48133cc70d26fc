import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRITERIA, MANUAL_REVIEW, MANUAL_REVIEW_DATE, evidenceListInWords } from '@/lib/accessibility/criteria';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import nn from '@/messages/nn.json';

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

  it("gives every criterion it does not meet a reason and a fix date, as Uutilsynet's form asks", () => {
    const breaches = CRITERIA.filter((criterion) => criterion.status === 'breach');
    expect(breaches.length).toBeGreaterThan(0);
    for (const criterion of breaches) {
      expect([criterion.id, Boolean(criterion.note?.nb && criterion.note.nn && criterion.note.en)]).toEqual([
        criterion.id,
        true,
      ]);
      expect([criterion.id, criterion.fix?.by]).toEqual([criterion.id, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
      expect(criterion.fix!.by > MANUAL_REVIEW_DATE).toBe(true);
      expect(Boolean(criterion.fix!.plan.nb && criterion.fix!.plan.nn && criterion.fix!.plan.en)).toBe(true);
    }
  });

  it('describes the evidence to readers in words, never by a test file or a review anchor', () => {
    for (const criterion of CRITERIA) {
      for (const item of evidenceListInWords(criterion.evidence)) {
        expect(JSON.stringify(item)).not.toMatch(/\.spec|\.ts|tests\//);
      }
    }
    for (const messages of [nb, nn, en]) {
      const table = Object.values(messages.AccessibilityTable).join('\n');
      expect(table).not.toMatch(/\{file\}|\{section\}|\.spec|\.ts\b/);
    }
  });
});
