// Only the two charts the dashboard draws: a dynamic import of '@mantine/charts' itself would
// bundle every chart it has.
export { BarChart, PieChart } from '@mantine/charts';
