import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * uPlot in React: the chart is drawn into a div and follows its container's width. uPlot draws on a canvas, so the page carries a
 * text table of the same figures for screen readers.
 */
export function UplotChart({
  options,
  data,
  label,
}: {
  options: Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);

  // A chart of a few hundred points is rebuilt in well under a millisecond: simpler than
  // keeping one alive across option changes.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const plot = new uPlot({ ...options, width: element.clientWidth || 600 }, data, element);
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: element.clientWidth, height: options.height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [options, data]);

  return <div className="staffing-chart" ref={box} role="img" aria-label={label} />;
}
