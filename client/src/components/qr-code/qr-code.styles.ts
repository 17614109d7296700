import { css } from 'lit';

/** The host sets the size; the symbol fills it. */
export const styles = css`
  :host {
    display: inline-block;
    inline-size: 20mm;
    block-size: 20mm;
  }
  svg {
    display: block;
    inline-size: 100%;
    block-size: 100%;
  }
`;
