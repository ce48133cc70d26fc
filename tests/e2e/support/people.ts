// The synthetic people of the Graph stand-in's fixture, by key.
import fixture from '../../../dev/graph/fixture.json';

type FixturePerson = (typeof fixture.people)[number];

export function person(key: string): FixturePerson {
  const found = fixture.people.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no synthetic person "${key}" in dev/graph/fixture.json`);
  return found;
}

/** Every national id of the fixture: none may ever show up where the browser or a log can see it. */
export const allNationalIds = fixture.people.map((candidate) => candidate.nationalId);
