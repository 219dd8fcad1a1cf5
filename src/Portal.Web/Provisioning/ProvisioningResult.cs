namespace Portal.Web.Provisioning;

public sealed class ProvisioningResult<T>
{
    private ProvisioningResult(T? value, ProvisioningFailure? failure) => (Value, Failure) = (value, failure);

    public T? Value { get; }
    public ProvisioningFailure? Failure { get; }
    public bool Succeeded => Failure is null;

    public static ProvisioningResult<T> Success(T value) => new(value, null);
    public static ProvisioningResult<T> Fail(ProvisioningFailure failure) => new(default, failure);

    public static implicit operator ProvisioningResult<T>(ProvisioningFailure failure) => Fail(failure);
}
