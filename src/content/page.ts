/**
 * What Nameplate knows about the page: the annotations of every pass (the first
 * full pass and the incremental ones for content added later), merged by person.
 */
import type { Annotation } from '../core/annotate';
import type { PersonResult, PledgeResult } from '../core/resolve';

export class PageState {
  private people = new Map<string, PersonResult>();
  private pledges = new Map<string, PledgeResult>();
  private base: Annotation | undefined;

  /** Person ids already found: later passes may resolve their surnames. */
  get known(): string[] {
    return [...this.people.keys()];
  }

  add(a: Annotation): void {
    this.base ??= a;
    for (const p of a.people) {
      const had = this.people.get(p.id);
      this.people.set(p.id, had ? { ...had, mentions: [...had.mentions, ...p.mentions] } : p);
    }
    for (const p of a.pledges) {
      const had = this.pledges.get(p.id);
      this.pledges.set(p.id, had ? { ...had, mentions: [...had.mentions, ...p.mentions] } : p);
    }
  }

  /** The reader said this is not who we thought: forget them. */
  remove(id: string): void {
    this.people.delete(id);
  }

  reset(): void {
    this.people.clear();
    this.pledges.clear();
    this.base = undefined;
  }

  person(id: string): PersonResult | undefined {
    return this.people.get(id);
  }

  pledge(id: string): PledgeResult | undefined {
    return this.pledges.get(id);
  }

  /** One annotation for the whole page (dates and data as of the first pass). */
  summary(): Annotation | undefined {
    return this.base && { ...this.base, people: [...this.people.values()], pledges: [...this.pledges.values()] };
  }
}
