from voxtest.demo.run import main

raise SystemExit(main())
