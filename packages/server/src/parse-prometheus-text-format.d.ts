// The parser ships without types; the shape below is what it returns (prom2json's).
declare module 'parse-prometheus-text-format' {
  interface Sample {
    labels?: Record<string, string>;
    value?: string;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  interface MetricFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: Sample[];
  }
  // biome-ignore lint/style/noDefaultExport: describes the package's own default export
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}
