// Active fault rules: from --faults at start-up and from the control API at run time. First matching rule wins.
import type { FaultAction } from '../core/contract';
import { globToRegExp, type FaultRuleInput } from './spec';

export interface FaultRule extends FaultRuleInput {
  id: string;
  hits: number;
}

export class FaultEngine {
  private rules: Array<FaultRule & { re: RegExp }> = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(inputs: FaultRuleInput[]): FaultRule[] {
    const added = inputs.map((r) => ({ ...r, id: String(this.nextId++), hits: 0, re: globToRegExp(r.path) }));
    this.rules.push(...added);
    return added.map(strip);
  }

  list(): FaultRule[] {
    return this.rules.map(strip);
  }

  /** Removes one rule (by id) or all; returns how many went. */
  clear(id?: string): number {
    const before = this.rules.length;
    this.rules = id === undefined ? [] : this.rules.filter((r) => r.id !== id);
    return before - this.rules.length;
  }

  match(method: string, path: string): { ruleId: string; action: FaultAction } | null {
    for (const rule of this.rules) {
      if (rule.method !== '*' && rule.method !== method) continue;
      if (!rule.re.test(path)) continue;
      if (rule.probability < 1 && this.random() >= rule.probability) continue;
      rule.hits++;
      if (rule.times !== null && --rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
      return { ruleId: rule.id, action: rule.action };
    }
    return null;
  }
}

function strip(r: FaultRule & { re?: RegExp }): FaultRule {
  const { re: _re, ...rest } = r;
  return rest;
}
