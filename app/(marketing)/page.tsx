export default function LandingPage() {
  return (
    <main className="landing">
      <h1>Hublink</h1>
      <p className="lede">
        Sign in with GitHub, connect your account once, and Hublink keeps the connection healthy — refreshed,
        revocation-aware and ready — while showing your repositories, issues and pull requests.
      </p>
      <form>
        <button type="submit" className="btn btn-primary">
          Sign in with GitHub
        </button>
      </form>
    </main>
  );
}
