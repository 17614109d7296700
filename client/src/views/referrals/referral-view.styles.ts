import { css } from 'lit';

/** The referral page: header facts, actions, case, comments, and the timeline beside them on wide screens. */
export const styles = css`
  :host {
    max-inline-size: 72rem;
  }
  .page-header {
    margin-block-end: 1rem;
    padding-block-end: 1rem;
    border-block-end: 1px solid var(--ct-border-soft);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .columns {
    display: grid;
    gap: 1.5rem;
  }
  @media (min-width: 56rem) {
    .columns {
      grid-template-columns: minmax(0, 1.6fr) minmax(16rem, 1fr);
      align-items: start;
    }
  }
  section {
    margin-block-end: 1.5rem;
  }
  #notice {
    margin-block-end: 1rem;
  }
  #notice p {
    margin: 0;
  }
  .next-actions {
    padding: 0.75rem 1rem;
    border: 2px solid var(--ct-primary);
    border-radius: 6px;
  }
  .move-form {
    margin-block-start: 0.5rem;
  }
  .timeline,
  .comments {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .timeline li {
    position: relative;
    padding-block: 0 0.75rem;
    padding-inline-start: 1.25rem;
    border-inline-start: 3px solid var(--ct-border-soft);
  }
  .timeline li::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.5rem;
    inset-block-start: 0.2rem;
    inline-size: 0.75rem;
    block-size: 0.75rem;
    border-radius: 50%;
    background: var(--ct-primary);
  }
  .timeline p,
  .comments p {
    margin-block-end: 0.2rem;
  }
  .when,
  .comment-meta {
    color: var(--ct-muted);
    font-size: 0.95rem;
  }
  .comments li {
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--ct-border-soft);
  }
  .prose {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .override {
    color: var(--ct-danger);
  }
  .refusal {
    max-inline-size: 40rem;
  }
`;
