import { Checkbox, Typography } from 'antd';

/** One facet: values with their counts, most frequent first; a selected value stays listed even at 0. */
export function FacetGroup({ title, counts, selected, onChange, labelOf }: { title: string; counts: Record<string, number>; selected: string[]; onChange(values: string[]): void; labelOf(value: string): string }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  for (const value of selected) if (!(value in counts)) entries.push([value, 0]);
  if (entries.length === 0) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Checkbox.Group value={selected} onChange={(values) => onChange(values as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 2, marginTop: 6 }}>
        {entries.slice(0, 30).map(([value, count]) => (
          <Checkbox key={value} value={value} aria-label={`${title} ${labelOf(value)}`}>
            <span>{labelOf(value)}</span> <Typography.Text type="secondary">({count})</Typography.Text>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  );
}
