import { css } from 'lit';

/** Styles for renderPhones() and renderContact(). */
export const contactDetailsStyles = css`
  .phones {
    margin: 0 0 0.4rem;
    padding: 0;
    list-style: none;
  }
  .phones li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    align-items: baseline;
  }
  .phones a {
    display: inline-block;
    padding-block: 0.3rem;
    font-weight: 600;
  }
  .phone-type {
    color: var(--ct-muted);
  }
  .contact {
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--ct-border-soft);
  }
  .contact:last-child {
    border-block-end: 0;
  }
  .contact p {
    margin-block: 0 0.25rem;
  }
  .contact-name {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: baseline;
  }
  .contact-title {
    color: var(--ct-muted);
  }
`;
