export type {
  Guard,
  Machine,
  MachineConfig,
  MachineEvent,
  TransitionRule,
  TransitionTable,
} from './define-machine';
export { defineMachine } from './define-machine';
export { toMermaid } from './to-mermaid';
export type { TransitionResult } from './transition';
export { can, transition } from './transition';
