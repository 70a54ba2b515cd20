/**
 * `@kefu/core/fixtures`: the candy shop's data — knowledge-base articles, orders and labelled
 * questions — for demos, seeds and benchmarks. Unlike `@kefu/core/testing` it does not load
 * vitest, so an app may import it at runtime.
 */
export type { CandyArticle } from './candy-shop-knowledge';
export { candyShopKnowledge } from './candy-shop-knowledge';
export { candyShopOrders } from './candy-shop-orders';
export type { LabelledQuestion } from './candy-shop-questions';
export { candyShopQuestions } from './candy-shop-questions';
