import type { TFunction } from 'i18next';

// Shared by the filter bar and its placeholder, which must take exactly the same room.

/** The bar's line: the search grows, the rest keeps its size; on a narrow screen it wraps. */
export const barLine = { gap: 'xs', wrap: 'wrap', align: 'center' } as const;

/** Width of a filter in the line. */
export const primaryWidth = 140;

/** The chips' line: one line high, scrolling sideways when the chips do not fit. */
export const chipLineHeight = 28;

/** The button that opens the panel: "More filters", or at phone width "Filters (2)". */
export const moreLabel = (t: TFunction, compact: boolean, active: number): string =>
  compact ? (active > 0 ? `${t('views:filters.title')} (${active})` : t('views:filters.title')) : t('views:filters.more');
