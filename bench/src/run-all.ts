import type { BenchResult } from './bench-result';
import { writeResult } from './bench-result';
import { benchBotAccuracy, benchKnowledgeSearch } from './bot-accuracy';
import { benchMessagesPerSecond } from './core-messages-per-second';
import { benchGatewayDelivery } from './gateway-delivery';
import { benchMetricsReport } from './metrics-report-ms';
import { benchPGliteAppendRatio, benchPostgresAppendRatio } from './postgres-append-ratio';
import { benchPostgresBusLatency } from './postgres-bus-latency';
import { benchPostgresClaimRatio } from './postgres-claim-ratio';
import { benchRoutingDecisions } from './routing-decisions-per-second';
import { benchAddBusinessTime, benchSlaClocks } from './sla-clocks';
import { benchWidgetGzipBytes } from './widget-gzip-bytes';

const benchmarks = [
  benchMessagesPerSecond,
  benchRoutingDecisions,
  benchAddBusinessTime,
  benchSlaClocks,
  benchMetricsReport,
  benchBotAccuracy,
  benchKnowledgeSearch,
  benchGatewayDelivery,
  benchPostgresAppendRatio,
  benchPGliteAppendRatio,
  benchPostgresClaimRatio,
  benchPostgresBusLatency,
  benchWidgetGzipBytes,
];

for (const bench of benchmarks) {
  const outcome: BenchResult | BenchResult[] | null = await bench();
  for (const result of outcome === null ? [] : Array.isArray(outcome) ? outcome : [outcome]) {
    const file = writeResult(result);
    console.log(
      `${result.name}: ${result.value} ${result.unit} (baseline ${result.baseline}, ratio ${result.ratio}) → ${file}`,
    );
  }
}
