import { IndexedHeap } from './indexed-heap';
import { isAvailable, type RoutingCandidate, type RoutingRequest } from './routing-candidate';
import { chooseAgent, compareRanks, type RoutingStrategy } from './strategies';

interface Ranked {
  candidate: RoutingCandidate;
  rank: readonly (number | string)[];
}

/**
 * Agents kept ready for routing decisions. For strategies with a `rank` (least busy, round
 * robin, skills-based) it keeps one heap of available agents per distinct requirement (skills and
 * team), built on first use, so a decision costs O(log n) and an assignment O(k log n) for the k
 * requirements an agent serves. Other strategies (sticky, custom selectors) scan the candidates.
 *
 * @example
 * const index = new RoutingIndex(strategies.leastBusy(), candidates);
 * const choice = index.choose(request);
 * if (choice) index.update({ ...choice, load: choice.load + 1, lastAssignedAt: now });
 */
export class RoutingIndex {
  readonly #strategy: RoutingStrategy;
  readonly #candidates = new Map<string, RoutingCandidate>();
  readonly #heaps = new Map<string, { request: RoutingRequest; heap: IndexedHeap<Ranked> }>();

  constructor(strategy: RoutingStrategy, candidates: Iterable<RoutingCandidate>) {
    this.#strategy = strategy;
    for (const candidate of candidates) this.#candidates.set(candidate.agent.id, candidate);
  }

  /**
   * The agent the strategy picks for the request, or null; with `without`, as if those agents
   * were not available (another node is assigning to them right now). Does not change the index.
   */
  choose(request: RoutingRequest, without?: ReadonlySet<string>): RoutingCandidate | null {
    const rank = this.#strategy.rank;
    if (!rank || this.#strategy.usesHistory) {
      let candidates = [...this.#candidates.values()];
      if (without?.size) candidates = candidates.filter((c) => !without.has(c.agent.id));
      return chooseAgent(this.#strategy, candidates, request);
    }
    const heap = this.#heapFor(request, rank);
    if (!without?.size) return heap.peek()?.candidate ?? null;
    // Set the excluded aside from the top, look, and put them back: O(k log n) for k of them.
    const aside: Ranked[] = [];
    let top = heap.peek();
    while (top && without.has(top.candidate.agent.id)) {
      aside.push(top);
      heap.remove(top.candidate.agent.id);
      top = heap.peek();
    }
    for (const item of aside) heap.upsert(item);
    return top?.candidate ?? null;
  }

  /** Records a changed agent (new load, presence, last assignment). */
  update(candidate: RoutingCandidate): void {
    this.#candidates.set(candidate.agent.id, candidate);
    const rank = this.#strategy.rank;
    if (!rank) return;
    for (const { request, heap } of this.#heaps.values()) {
      if (this.#eligible(candidate, request))
        heap.upsert({ candidate, rank: rank(candidate, request) });
      else heap.remove(candidate.agent.id);
    }
  }

  #eligible(candidate: RoutingCandidate, request: RoutingRequest): boolean {
    return (
      isAvailable(candidate) && this.#strategy.filters.every((filter) => filter(candidate, request))
    );
  }

  #heapFor(
    request: RoutingRequest,
    rank: NonNullable<RoutingStrategy['rank']>,
  ): IndexedHeap<Ranked> {
    const key = `${[...request.skills].sort().join(',')}|${request.team ?? ''}`;
    let entry = this.#heaps.get(key);
    if (!entry) {
      const heap = new IndexedHeap<Ranked>(
        (item) => item.candidate.agent.id,
        (a, b) => compareRanks(a.rank, b.rank) < 0,
      );
      for (const candidate of this.#candidates.values()) {
        if (this.#eligible(candidate, request))
          heap.upsert({ candidate, rank: rank(candidate, request) });
      }
      entry = { request, heap };
      this.#heaps.set(key, entry);
    }
    return entry.heap;
  }
}
