import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  WarningPanel,
} from '@backstage/core-components';
import { IdentityApi, SignInPageProps } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { DEMO_USER_STORAGE_KEY, demoUsers } from './demoUsers';

/** Forgets the picked user on sign-out, so the picker shows again. */
function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      localStorage.removeItem(DEMO_USER_STORAGE_KEY);
      await identity.signOut();
    },
  };
}

function DemoUserPicker(props: {
  failure?: Error;
  onPick: (userName: string) => void;
}) {
  return (
    <Page themeId="home">
      <Header
        title="Data mesh portal — demo"
        subtitle="Sign in as one of the demo organisation's people"
      />
      <Content>
        {props.failure && (
          <WarningPanel
            title="Sign-in failed"
            message={props.failure.message}
          />
        )}
        <Grid container spacing={2}>
          {demoUsers.map(user => (
            <Grid item xs={12} sm={6} md={4} key={user.name}>
              <InfoCard title={user.displayName} subheader={user.role}>
                <Typography variant="body2" color="textSecondary" paragraph>
                  user:{user.name}
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => props.onPick(user.name)}
                  aria-label={`Sign in as ${user.displayName}`}
                >
                  Sign in
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}

/**
 * Development sign-in: pick one of the demo organisation's people. The
 * backend's demo provider checks that the user exists in the catalog.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const [userName, setUserName] = useState(() =>
    localStorage.getItem(DEMO_USER_STORAGE_KEY),
  );
  const pick = (name: string) => {
    localStorage.setItem(DEMO_USER_STORAGE_KEY, name);
    setUserName(name);
  };

  if (!userName) {
    return <DemoUserPicker onPick={pick} />;
  }
  return (
    <ProxiedSignInPage
      key={userName}
      provider="demo"
      headers={{ 'x-demo-user': userName }}
      onSignInSuccess={identity =>
        props.onSignInSuccess(forgetOnSignOut(identity))
      }
      ErrorComponent={({ error }) => (
        <DemoUserPicker failure={error} onPick={pick} />
      )}
    />
  );
}
