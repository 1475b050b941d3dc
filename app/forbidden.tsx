import Link from "next/link";

/** forbidden() from requireStaff(permission): a staff member whose role lacks this permission. */
export default function Forbidden() {
  return (
    <main className="auth-page">
      <title>Forbidden · Better Auth Admin</title>
      <div className="auth-card">
        <p className="eyebrow">403</p>
        <h1>Not allowed</h1>
        <p>Your staff role does not include this page or action. An admin can give you a higher role.</p>
        <Link href="/users" className="btn btn-primary">
          Back to users
        </Link>
      </div>
    </main>
  );
}
