import Link from "next/link";

/** notFound() from the user page: the id matches no user (deleted, or a mistyped link). */
export default function UserNotFound() {
  return (
    <div className="page">
      <div className="empty-state">
        <h1>User not found</h1>
        <p className="muted">No user has this id. They may have been deleted, or the link is incomplete.</p>
        <Link href="/users" className="btn btn-primary">
          Back to users
        </Link>
      </div>
    </div>
  );
}
