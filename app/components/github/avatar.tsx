/** A person's GitHub avatar; decorative, since their login is written beside it. */
export function Avatar({ src, size = 20 }: { src: string | null; size?: number }) {
  if (!src) return null;
  // eslint-disable-next-line @next/next/no-img-element -- avatars come from the configured GitHub host, not a fixed domain
  return <img src={src} alt="" width={size} height={size} className="avatar" loading="lazy" decoding="async" />;
}

/** Assignees as overlapping avatars, named for assistive tech and on hover. */
export function AssigneeAvatars({ people }: { people: { login: string; avatarUrl: string }[] }) {
  if (!people.length) return null;
  const names = people.map((p) => p.login).join(", ");
  return (
    <span className="assignees" title={`Assigned to ${names}`}>
      <span className="visually-hidden">Assigned to {names}</span>
      {people.map((p) => (
        <Avatar key={p.login} src={p.avatarUrl || null} />
      ))}
    </span>
  );
}
