using Tocsin.Aws.Collection;

namespace Tocsin.Aws.Tests;

public class ShardSpecTests
{
    [Fact]
    public void An_account_belongs_to_the_shard_its_id_leaves_as_remainder()
    {
        // 100000000002 = 3 × 33333333334, so its remainder is 0.
        Shard("0/3").Contains("100000000002").ShouldBeTrue();
        Shard("1/3").Contains("100000000003").ShouldBeTrue();
        Shard("2/3").Contains("100000000003").ShouldBeFalse();
    }

    [Fact]
    public void Every_account_lands_in_exactly_one_shard_the_management_account_too()
    {
        var random = new Random(20261206);
        var accounts = Enumerable.Range(0, 2_000).Select(_ => random.NextInt64(0, 1_000_000_000_000).ToString("D12", System.Globalization.CultureInfo.InvariantCulture))
            .Append("000000000000").Append("999999999999").Append("111111111111");
        foreach (var count in new[] { 1, 2, 3, 7, 64, ShardSpec.MaxCount })
        {
            var shards = Enumerable.Range(0, count).Select(index => Shard($"{index}/{count}")).ToList();
            foreach (var account in accounts)
            {
                shards.Count(shard => shard.Contains(account)).ShouldBe(1, $"{account} in {count} shards");
            }
        }
    }

    [Fact]
    public void Leading_zeros_of_an_account_id_do_not_move_it()
    {
        Shard("5/7").Contains("000000000012").ShouldBeTrue();
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("9999/10000", 9999, 10000)]
    public void I_of_N_reads_as_shard_I_of_N(string text, int index, int count)
    {
        var shard = Shard(text);

        shard.Index.ShouldBe(index);
        shard.Count.ShouldBe(count);
        shard.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("3/3", "`3/3`: shards are numbered from 0, so with 3 shards the shard must be from 0 to 2")]
    [InlineData("1/1", "`1/1`: shards are numbered from 0, so with 1 shard the shard must be from 0 to 0")]
    [InlineData("-1/2", "`-1/2` is not I/N: two whole numbers, the shard (from 0) and the number of shards, e.g. 0/3")]
    [InlineData("a/b", "`a/b` is not I/N: two whole numbers, the shard (from 0) and the number of shards, e.g. 0/3")]
    [InlineData("1", "`1` is not I/N: two whole numbers, the shard (from 0) and the number of shards, e.g. 0/3")]
    [InlineData("1/2/3", "`1/2/3` is not I/N: two whole numbers, the shard (from 0) and the number of shards, e.g. 0/3")]
    [InlineData(" 0/2", "` 0/2` is not I/N: two whole numbers, the shard (from 0) and the number of shards, e.g. 0/3")]
    [InlineData("0/0", "`0/0`: the number of shards must be from 1 to 10000")]
    [InlineData("0/10001", "`0/10001`: the number of shards must be from 1 to 10000")]
    [InlineData("0/99999999999999999999", "`0/99999999999999999999`: the number of shards must be from 1 to 10000")]
    public void What_is_not_I_of_N_is_refused_saying_why(string text, string problem)
    {
        var (shard, said) = ShardSpec.Parse(text);

        shard.ShouldBeNull();
        said.ShouldBe(problem);
    }

    private static ShardSpec Shard(string text) => ShardSpec.Parse(text).Shard.ShouldNotBeNull();
}
