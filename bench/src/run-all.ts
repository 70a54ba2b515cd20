import { benchAttachmentUpload } from './attachments-upload';
import type { BenchResult } from './bench-result';
import { collectGarbage, writeResult } from './bench-result';
import { benchBotAccuracy, benchBotAccuracyTwJa, benchKnowledgeSearch } from './bot-accuracy';
import { benchMessagesPerSecond } from './core-messages-per-second';
import { benchGatewayDelivery } from './gateway-delivery';
import { benchIdRetainedBytes } from './id-retained-bytes';
import { benchMetricsReport } from './metrics-report-ms';
import { benchPGliteAppendRatio, benchPostgresAppendRatio } from './postgres-append-ratio';
import { benchPostgresBusLatency } from './postgres-bus-latency';
import { benchPostgresClaimRatio } from './postgres-claim-ratio';
import { benchPostgresIncidentFollow } from './postgres-incident-follow';
import { benchPostgresMessagesConcurrent } from './postgres-messages-concurrent';
import { benchRoutingDecisions } from './routing-decisions-per-second';
import { benchAddBusinessTime, benchSlaClocks } from './sla-clocks';
import { benchErlangAgreement, benchSimulationDay } from './staffing';
import { benchSupervisionLiveView } from './supervision-live-view';
import { benchWidgetGzipBytes } from './widget-gzip-bytes';

/** Each benchmark with the names of the results it writes. */
const benchmarks: [names: string, run: () => Promise<BenchResult | BenchResult[] | null>][] = [
  ['core.messages-per-second', benchMessagesPerSecond],
  ['core.id-retained-bytes', benchIdRetainedBytes],
  ['routing.decisions-per-second', benchRoutingDecisions],
  ['sla.add-business-time-per-second', benchAddBusinessTime],
  ['sla.clocks', benchSlaClocks],
  ['metrics.report-ms', benchMetricsReport],
  ['supervision.live-view-ms', benchSupervisionLiveView],
  ['staffing.simulation-day-ms', benchSimulationDay],
  ['staffing.erlang-agreement', benchErlangAgreement],
  ['bot.top3-accuracy bot.top1-accuracy', benchBotAccuracy],
  [
    'bot.top3-accuracy-zh-tw bot.top3-accuracy-ja bot.top3-accuracy-zh-tw-on-zh-cn',
    benchBotAccuracyTwJa,
  ],
  ['knowledge.search-p99-ms', benchKnowledgeSearch],
  ['gateway.delivery', benchGatewayDelivery],
  ['postgres.append-ratio', benchPostgresAppendRatio],
  ['postgres.append-ratio-pglite', benchPGliteAppendRatio],
  ['postgres.claim-ratio', benchPostgresClaimRatio],
  [
    'postgres.messages-concurrent-1 postgres.messages-concurrent-8 postgres.messages-concurrent-32 postgres.messages-concurrent-128',
    benchPostgresMessagesConcurrent,
  ],
  ['postgres.bus-latency-p99-ms', benchPostgresBusLatency],
  ['postgres.incident-follow-ratio', benchPostgresIncidentFollow],
  ['widget.gzip-bytes', benchWidgetGzipBytes],
  ['attachments.upload-ms', benchAttachmentUpload],
];

// `pnpm bench metrics widget` runs the benchmarks whose names contain any of the words given.
const wanted = process.argv.slice(2).filter((word) => word !== '--');
const chosen = benchmarks.filter(
  ([names]) => wanted.length === 0 || wanted.some((word) => names.includes(word)),
);
if (chosen.length === 0) {
  const known = benchmarks.map(([names]) => names).join(', ');
  throw new Error(`No benchmark matches "${wanted.join(' ')}". Known: ${known}.`);
}

for (const [, bench] of chosen) {
  // Each benchmark starts on a collected heap, not with the garbage of the one before it.
  collectGarbage();
  const outcome = await bench();
  for (const result of outcome === null ? [] : Array.isArray(outcome) ? outcome : [outcome]) {
    const file = writeResult(result);
    console.log(
      `${result.name}: ${result.value} ${result.unit} (baseline ${result.baseline}, ratio ${result.ratio}) → ${file}`,
    );
  }
}
