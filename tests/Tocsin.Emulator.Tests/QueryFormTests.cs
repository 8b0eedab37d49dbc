using Tocsin.Emulator.Protocol;

namespace Tocsin.Emulator.Tests;

public sealed class QueryFormTests
{
    [Fact]
    public void Member_lists_become_arrays_in_order_of_their_index()
    {
        var input = QueryForm.ToInput([new("AlarmActions.member.2", "b"), new("AlarmActions.member.1", "a")]);
        input.Strings("AlarmActions").ShouldBe(["a", "b"]);
    }

    [Fact]
    public void A_member_index_of_any_length_orders_by_its_number_instead_of_overflowing()
    {
        var input = QueryForm.ToInput([new("AlarmActions.member.99999999999999999999", "c"), new("AlarmActions.member.10", "b"), new("AlarmActions.member.9", "a")]);
        input.Strings("AlarmActions").ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Lists_of_structures_keep_their_members()
    {
        var input = QueryForm.ToInput([new("Dimensions.member.1.Name", "Topic"), new("Dimensions.member.1.Value", "x")]);
        var dimension = input.Objects("Dimensions").ShouldHaveSingleItem();
        (dimension.Str("Name"), dimension.Str("Value")).ShouldBe(("Topic", "x"));
    }

    [Fact]
    public void Entry_maps_become_objects_keyed_by_their_key()
    {
        var input = QueryForm.ToInput([new("Attributes.entry.1.key", "DisplayName"), new("Attributes.entry.1.value", "Alarms")]);
        input.Map("Attributes")["DisplayName"].ShouldBe("Alarms");
    }

    [Fact]
    public void An_empty_list_sent_as_an_empty_value_reads_as_no_items()
    {
        var input = QueryForm.ToInput([new("AlarmActions", string.Empty)]);
        input.Strings("AlarmActions").ShouldBeEmpty();
    }

    [Fact]
    public void Ec2_style_numbered_parameters_become_arrays()
    {
        var input = QueryForm.ToInput([new("RegionName.1", "eu-west-1"), new("RegionName.2", "us-east-1")]);
        input.Strings("RegionName").ShouldBe(["eu-west-1", "us-east-1"]);
    }
}
