using System.Collections;

namespace Tocsin.Core.Inventory;

/// <summary>
/// Structural equality for inventory values: lists compare element by element, so two inventories read
/// from the same snapshot are equal records.
/// </summary>
internal static class ValueEquality
{
    public static bool AreEqual<T>(T left, T right)
    {
        if (left is IList leftList && right is IList rightList)
        {
            if (leftList.Count != rightList.Count)
            {
                return false;
            }

            for (var i = 0; i < leftList.Count; i++)
            {
                if (!Equals(leftList[i], rightList[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return EqualityComparer<T>.Default.Equals(left, right);
    }

    public static int HashOf<T>(T value) => value is IList list ? list.Count : value?.GetHashCode() ?? 0;
}
