import { SignIn } from './sign-in';
import { useAgentSession } from './use-agent-session';
import { Workspace } from './workspace';

/** The agent console: sign in, then the workspace. */
export function ConsoleApp() {
  const { session, error, signIn, signOut } = useAgentSession();
  return session ? (
    <Workspace session={session} onSignOut={signOut} />
  ) : (
    <SignIn error={error} onSignIn={signIn} />
  );
}
