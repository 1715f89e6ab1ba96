Console.WriteLine("built");
