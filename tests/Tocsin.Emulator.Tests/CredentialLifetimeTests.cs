using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

/// <summary>A clock the test moves forward: the emulator's notion of now, for credential expiry.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}

public sealed class MovableClockFixture : EmulatorFixture
{
    public MovableClock MovableClock { get; } = new();

    protected override TimeProvider Clock => MovableClock;

    protected override Scenario CreateScenario() => Scenario.Builtin("demo-org");
}

public sealed class CredentialLifetimeTests(MovableClockFixture fixture) : IClassFixture<MovableClockFixture>
{
    [SkippableFact]
    public async Task Assumed_role_credentials_are_refused_as_expired_once_their_duration_has_passed()
    {
        var credentials = await fixture.Boto3Async("""
            c = boto3.client('sts', endpoint_url=ENDPOINT).assume_role(RoleArn='arn:aws:iam::333333333333:role/OrganizationAccountAccessRole', RoleSessionName='short', DurationSeconds=900)['Credentials']
            print(json.dumps({'id': c['AccessKeyId'], 'secret': c['SecretAccessKey'], 'token': c['SessionToken']}))
            """, DemoOrgFixture.ManagementKey, DemoOrgFixture.ManagementSecret);
        fixture.MovableClock.Advance(TimeSpan.FromMinutes(16));

        var result = await fixture.Boto3Async($$"""
            s = boto3.Session(aws_access_key_id='{{credentials["id"]}}', aws_secret_access_key='{{credentials["secret"]}}', aws_session_token='{{credentials["token"]}}', region_name='us-east-1')
            try:
                s.client('sts', endpoint_url=ENDPOINT, config=NO_RETRY).get_caller_identity()
                print(json.dumps({'code': None}))
            except botocore.exceptions.ClientError as e:
                print(json.dumps({'code': e.response['Error']['Code']}))
            """, "unused", "unused");
        result["code"]!.GetValue<string>().ShouldBe("ExpiredToken");
    }
}
