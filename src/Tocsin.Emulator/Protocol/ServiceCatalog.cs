using Tocsin.Emulator.Services;

namespace Tocsin.Emulator.Protocol;

/// <summary>The services the emulator serves, found by SigV4 signing name or by JSON target prefix.</summary>
internal sealed class ServiceCatalog
{
    private readonly Dictionary<string, ServiceDefinition> _bySigningName;
    private readonly Dictionary<string, ServiceDefinition> _byTarget;

    public ServiceCatalog(IEnumerable<ServiceDefinition> services)
    {
        var all = services.ToList();
        _bySigningName = all.ToDictionary(service => service.SigningName, StringComparer.Ordinal);
        _byTarget = all.Where(service => service.TargetPrefix is not null).ToDictionary(service => service.TargetPrefix!, StringComparer.Ordinal);
    }

    public static ServiceCatalog Standard() => new(
    [
        StsService.Definition,
        OrganizationsService.Definition,
        CloudTrailService.Definition,
        LogsService.Definition,
        CloudWatchService.Definition,
        SnsService.Definition,
        KmsService.Definition,
        Ec2Service.Definition,
        IamService.Definition,
        S3Service.Definition,
        EventBridgeService.Definition,
    ]);

    public ServiceDefinition? BySigningName(string name) => _bySigningName.GetValueOrDefault(name);

    public ServiceDefinition? ByTarget(string target)
    {
        var dot = target.LastIndexOf('.');
        return dot > 0 ? _byTarget.GetValueOrDefault(target[..dot]) : null;
    }
}
