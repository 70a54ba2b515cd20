export type {
  Guard,
  Machine,
  MachineConfig,
  MachineEvent,
  TransitionRule,
  TransitionTable,
} from './define-machine';
export { defineMachine } from './define-machine';
export type { TransitionResult } from './transition';
export { can, transition } from './transition';
export { toMermaid } from './to-mermaid';
