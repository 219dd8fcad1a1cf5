using Portal.Web.Features.Connections.ServiceNames;
using Xunit;

namespace Portal.Tests.Shared;

/// <summary>
/// Every wrong endpoint service name we know customers type, with the exact message the wizard shows. The parser's
/// unit tests and the API's integration tests read the same table, so the API says word for word what the wizard says.
/// </summary>
public static class ServiceNameExamples
{
    private const string Name17 = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

    public static TheoryData<string?, string?, ServiceNameErrorCode, string> BadNames => new()
    {
        // Empty and absurd input
        { "", "us-east-1", ServiceNameErrorCode.Empty, "Enter the name of your endpoint service, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { null, "eu-west-1", ServiceNameErrorCode.Empty, "Enter the name of your endpoint service, for example com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0." },
        { " \t\r\n ", null, ServiceNameErrorCode.Empty, "Enter the name of your endpoint service, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { new string('a', 256), "us-east-1", ServiceNameErrorCode.TooLong, "That is far too long for an endpoint service name (they are about 60 characters). Paste only the name, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { Name17 + new string('0', 300), "us-east-1", ServiceNameErrorCode.TooLong, "That is far too long for an endpoint service name (they are about 60 characters). Paste only the name, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "com.amazonaws.vpce.us-east-1. vpce-svc-0123456789abcdef0", "us-east-1", ServiceNameErrorCode.ContainsSpaces, "The name has spaces or line breaks inside it. Paste it again as one piece, without spaces." },
        { "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789\nabcdef0", "us-east-1", ServiceNameErrorCode.ContainsSpaces, "The name has spaces or line breaks inside it. Paste it again as one piece, without spaces." },

        // AWS-managed services
        { "com.amazonaws.us-east-1.s3", "us-east-1", ServiceNameErrorCode.AwsServiceName, "com.amazonaws.us-east-1.s3 is an AWS service, not your endpoint service. Enter the name of the endpoint service in front of your Network Load Balancer; it starts with com.amazonaws.vpce." },
        { "com.amazonaws.eu-west-1.execute-api", "eu-west-1", ServiceNameErrorCode.AwsServiceName, "com.amazonaws.eu-west-1.execute-api is an AWS service, not your endpoint service. Enter the name of the endpoint service in front of your Network Load Balancer; it starts with com.amazonaws.vpce." },
        { " COM.AMAZONAWS.US-EAST-1.DYNAMODB ", "us-east-1", ServiceNameErrorCode.AwsServiceName, "com.amazonaws.us-east-1.dynamodb is an AWS service, not your endpoint service. Enter the name of the endpoint service in front of your Network Load Balancer; it starts with com.amazonaws.vpce." },
        { "aws.sagemaker.us-east-1.notebook", "us-east-1", ServiceNameErrorCode.AwsServiceName, "aws.sagemaker.us-east-1.notebook is an AWS service, not your endpoint service. Enter the name of the endpoint service in front of your Network Load Balancer; it starts with com.amazonaws.vpce." },

        // A service id alone
        { "vpce-svc-0123456789abcdef0", "us-east-1", ServiceNameErrorCode.ServiceIdOnly, "That is only the service ID. Enter the full service name: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 if the service is in us-east-1." },
        { "VPCE-SVC-0A1B2C3D", "eu-west-1", ServiceNameErrorCode.ServiceIdOnly, "That is only the service ID. Enter the full service name: com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d if the service is in eu-west-1." },
        { "vpce-svc-0123456789abcdef0", null, ServiceNameErrorCode.ServiceIdOnly, "That is only the service ID. Enter the full service name: com.amazonaws.vpce.<region>.vpce-svc-0123456789abcdef0." },

        // An endpoint id
        { "vpce-0123456789abcdef0", "us-east-1", ServiceNameErrorCode.EndpointId, "vpce-0123456789abcdef0 is the ID of a VPC endpoint, not the name of an endpoint service. Enter the service name shown in the VPC console under Endpoint services, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "vpce-0a1b2c3d", "eu-central-1", ServiceNameErrorCode.EndpointId, "vpce-0a1b2c3d is the ID of a VPC endpoint, not the name of an endpoint service. Enter the service name shown in the VPC console under Endpoint services, for example com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0." },

        // ARNs
        { "arn:aws:ec2:us-east-1:123456789012:vpc-endpoint-service/vpce-svc-0123456789abcdef0", "us-east-1", ServiceNameErrorCode.Arn, "That is the ARN of an endpoint service. Enter its service name instead: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "arn:aws:ec2:eu-west-1:123456789012:vpc-endpoint/vpce-0123456789abcdef0", "eu-west-1", ServiceNameErrorCode.Arn, "That is an ARN, not an endpoint service name. Enter the service name shown in the VPC console under Endpoint services, for example com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0." },
        { "arn:aws:iam::111122223333:root", "us-east-1", ServiceNameErrorCode.Arn, "That is an ARN, not an endpoint service name. Enter the service name shown in the VPC console under Endpoint services, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },

        // URLs and DNS names
        { "https://console.aws.amazon.com/vpcconsole/home?region=us-east-1#EndpointServices:", "us-east-1", ServiceNameErrorCode.Url, "That is a web address, not an endpoint service name. Enter the service name shown in the VPC console under Endpoint services, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "https://vpce-0123456789abcdef0-1a2b3c4d.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com/", "us-east-1", ServiceNameErrorCode.DnsName, "That is the DNS name of a VPC endpoint, not the name of an endpoint service. The service it points to is com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "vpce-0123456789abcdef0-1a2b3c4d.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", "us-east-1", ServiceNameErrorCode.DnsName, "That is the DNS name of a VPC endpoint, not the name of an endpoint service. The service it points to is com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "vpce-0123456789abcdef0-1a2b3c4d-eu-west-1a.vpce-svc-0a1b2c3d.eu-west-1.vpce.amazonaws.com", "us-east-1", ServiceNameErrorCode.DnsName, "That is the DNS name of a VPC endpoint, not the name of an endpoint service. The service it points to is com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d." },
        { "mydb.example.com", "us-east-1", ServiceNameErrorCode.DnsName, "That looks like a host name, not an endpoint service name. PrivateLink connects to an endpoint service in front of your host (through a Network Load Balancer); enter that service's name, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "mydb.c9akciq32.us-east-1.rds.amazonaws.com:5432", "us-east-1", ServiceNameErrorCode.DnsName, "That looks like a host name, not an endpoint service name. PrivateLink connects to an endpoint service in front of your host (through a Network Load Balancer); enter that service's name, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "10.0.12.7", "us-east-1", ServiceNameErrorCode.DnsName, "That looks like a host name, not an endpoint service name. PrivateLink connects to an endpoint service in front of your host (through a Network Load Balancer); enter that service's name, for example com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },

        // The service id itself
        { "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef", "us-east-1", ServiceNameErrorCode.InvalidServiceId, "The service ID vpce-svc-0123456789abcdef has 16 characters after vpce-svc-, but it should have 17 (or 8 for older services). Check that the whole name was copied." },
        { "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef01", "us-east-1", ServiceNameErrorCode.InvalidServiceId, "The service ID vpce-svc-0123456789abcdef01 has 18 characters after vpce-svc-, but it should have 17 (or 8 for older services). Check that the whole name was copied." },
        { "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4", "us-east-1", ServiceNameErrorCode.InvalidServiceId, "The service ID vpce-svc-0a1b2c3d4 has 9 characters after vpce-svc-, but it should have 17 (or 8 for older services). Check that the whole name was copied." },
        { "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3", "us-east-1", ServiceNameErrorCode.InvalidServiceId, "The service ID vpce-svc-0a1b2c3 has 7 characters after vpce-svc-, but it should have 17 (or 8 for older services). Check that the whole name was copied." },
        { "com.amazonaws.vpce.us-east-1.vpce-svc-", "us-east-1", ServiceNameErrorCode.InvalidServiceId, "The service ID vpce-svc- has 0 characters after vpce-svc-, but it should have 17 (or 8 for older services). Check that the whole name was copied." },
        { "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdefg", "us-east-1", ServiceNameErrorCode.InvalidServiceId, "The service ID vpce-svc-0123456789abcdefg contains \"g\", but only the digits 0-9 and the letters a-f are allowed. Check the name for typing mistakes." },
        { "com.amazonaws.vpce.us-east-1.vpce-svc-0o1b2c3d", "us-east-1", ServiceNameErrorCode.InvalidServiceId, "The service ID vpce-svc-0o1b2c3d contains \"o\", but only the digits 0-9 and the letters a-f are allowed. Check the name for typing mistakes." },

        // Regions
        { "com.amazonaws.vpce.useast1.vpce-svc-0123456789abcdef0", "us-east-1", ServiceNameErrorCode.UnknownRegion, "\"useast1\" is not an AWS region. Check the region part of the name, after com.amazonaws.vpce." },
        { "com.amazonaws.vpce.ap-south-1.vpce-svc-0123456789abcdef0", "us-east-1", ServiceNameErrorCode.UnknownRegion, "This service is in ap-south-1, where we do not offer PrivateLink. We offer: eu-central-1, eu-west-1, us-east-1, us-east-2, us-west-2." },
        { "com.amazonaws.vpce.us-esat-1.vpce-svc-0a1b2c3d", null, ServiceNameErrorCode.UnknownRegion, "This service is in us-esat-1, where we do not offer PrivateLink. We offer: eu-central-1, eu-west-1, us-east-1, us-east-2, us-west-2." },
        { "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", "us-east-1", ServiceNameErrorCode.RegionMismatch, "This service is in eu-west-1, but you chose us-east-1. Pick eu-west-1 as the region, or check the name." },
        { Name17, "eu-west-1", ServiceNameErrorCode.RegionMismatch, "This service is in us-east-1, but you chose eu-west-1. Pick us-east-1 as the region, or check the name." },
        { " COM.AMAZONAWS.VPCE.US-EAST-2.VPCE-SVC-0A1B2C3D ", "us-east-1", ServiceNameErrorCode.RegionMismatch, "This service is in us-east-2, but you chose us-east-1. Pick us-east-2 as the region, or check the name." },

        // Anything else
        { "hello", "us-east-1", ServiceNameErrorCode.InvalidFormat, "That is not an endpoint service name. It should look like com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "com.amazonaws.vpce.us-east-1", "us-east-1", ServiceNameErrorCode.InvalidFormat, "That is not an endpoint service name. It should look like com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { Name17 + ".extra", "us-east-1", ServiceNameErrorCode.InvalidFormat, "That is not an endpoint service name. It should look like com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "vpce_svc_0123456789abcdef0", "us-east-1", ServiceNameErrorCode.InvalidFormat, "That is not an endpoint service name. It should look like com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
        { "\"" + Name17 + "\"", "us-east-1", ServiceNameErrorCode.InvalidFormat, "That is not an endpoint service name. It should look like com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." },
    };
}
