import { lazy } from 'react';
import { withTexts } from '@web/app/i18n';

// The pictures (Mantine charts on recharts, most of the dashboard's JavaScript) are a chunk of
// their own, asked for as soon as the dashboard's route is loaded, while its charts are counted:
// the legends, with every count and link, never wait for them. They hold no texts of their own.
const charts = () => withTexts([], () => import('./chart-pictures.impl'));
void charts().catch(() => undefined);
export const PieChart = lazy(async () => ({ default: (await charts()).PieChart }));
export const BarChart = lazy(async () => ({ default: (await charts()).BarChart }));
