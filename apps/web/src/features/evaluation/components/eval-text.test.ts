import { describe, expect, it } from 'vitest';
import { finalBand } from './eval-text.ts';

describe('finalBand', () => {
  it('shows the calibrated band, and the engine band it replaced', () => {
    expect(finalBand('A', 'B')).toEqual({ band: 'B', was: 'A' });
  });
  it('shows the engine band when nothing was calibrated, or calibration kept it', () => {
    expect(finalBand('A', null)).toEqual({ band: 'A', was: null });
    expect(finalBand('C', 'C')).toEqual({ band: 'C', was: null });
    expect(finalBand(null, null)).toEqual({ band: null, was: null });
  });
});
