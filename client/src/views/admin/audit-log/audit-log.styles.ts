import { css } from 'lit';

export const styles = css`
  .changes {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .changes code {
    overflow-wrap: anywhere;
  }
  details summary {
    min-block-size: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
  }
`;
