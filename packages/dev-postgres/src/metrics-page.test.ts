import { seriesSum } from './metrics-page';

const PAGE = `# HELP subgraph_fetches_total Fetches the gateway sent to a department
# TYPE subgraph_fetches_total counter
subgraph_fetches_total{department="hr",service="gateway"} 12
subgraph_fetches_total{department="poverty",service="gateway"} 3
subgraph_fetches_total_extra{department="hr"} 1000
subgraph_fetch_errors_total{department="hr",reason="timeout"} 2
subgraph_fetch_errors_total{department="hr",reason="unreachable"} 1
subgraph_fetch_errors_total{xdepartment="hr",reason="timeout"} 500
graphql_request_duration_seconds_sum{operation="A"} 0.25
graphql_request_duration_seconds_sum{operation="AB"} 1.5e-1
db_statements_total 41
`;

describe('a metric read off a Prometheus text page', () => {
  it('sums the series whose labels include those asked for, and only that metric', () => {
    expect(seriesSum(PAGE, 'subgraph_fetches_total')).toBe(15);
    expect(seriesSum(PAGE, 'subgraph_fetches_total', { department: 'hr' })).toBe(12);
    expect(seriesSum(PAGE, 'subgraph_fetch_errors_total', { department: 'hr' })).toBe(3);
    expect(seriesSum(PAGE, 'subgraph_fetch_errors_total', { department: 'hr', reason: 'timeout' })).toBe(2);
  });

  it('reads a series without labels, and a value in exponent form', () => {
    expect(seriesSum(PAGE, 'db_statements_total')).toBe(41);
    expect(seriesSum(PAGE, 'graphql_request_duration_seconds_sum', { operation: 'AB' })).toBe(0.15);
  });

  it('matches a label by its whole name and value, not a part of either', () => {
    expect(seriesSum(PAGE, 'graphql_request_duration_seconds_sum', { operation: 'A' })).toBe(0.25);
    expect(seriesSum(PAGE, 'subgraph_fetch_errors_total', { reason: 'timeout' })).toBe(502);
    expect(seriesSum(PAGE, 'subgraph_fetch_errors_total', { department: 'h' })).toBe(0);
  });

  it('takes a pattern for a label, for a family of values', () => {
    expect(seriesSum(PAGE, 'graphql_request_duration_seconds_sum', { operation: /^A/ })).toBe(0.4);
    expect(seriesSum(PAGE, 'subgraph_fetch_errors_total', { department: /^h/, reason: /^(timeout|unreachable)$/ })).toBe(3);
  });

  it('is 0 for a metric the page does not have', () => {
    expect(seriesSum(PAGE, 'subgraph_fetches')).toBe(0);
    expect(seriesSum(PAGE, 'subgraph_fetches_total', { department: 'youth-league' })).toBe(0);
  });
});
